import { httpHandler } from '../../shared/api-handler';
import { json } from '../../shared/http';
import { listDeclarations } from '../../store/declarations';

export const handler = httpHandler(async () => json(200, { declarations: await listDeclarations() }));
