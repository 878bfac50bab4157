import { deliverCertificate } from '../../operations/deliver-certificate';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('deliver-certificate', (payload: { commitmentId: string }) => deliverCertificate(payload.commitmentId));
