import { sealCertificate } from '../../operations/seal-certificate';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('seal-certificate', (payload: { commitmentId: string }) => sealCertificate(payload.commitmentId));
