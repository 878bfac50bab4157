import { listDeclarations } from '../../operations/list-declarations';
import { httpHandler } from '../../shared/api-handler';
import { json } from '../../shared/http';

export const handler = httpHandler(async () => json(200, { declarations: await listDeclarations() }));
