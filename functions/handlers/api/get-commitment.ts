import { loadCommitment } from '../../operations/load';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { listCommitmentEvents } from '../../store/audit';

export const handler = httpHandler(async (event) => {
  const commitmentId = pathParameter(event, 'commitmentId');
  const [commitment, events] = await Promise.all([loadCommitment(commitmentId), listCommitmentEvents(commitmentId)]);
  return json(200, { commitment, events });
});
