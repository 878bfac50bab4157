import { openApiDocument } from '../../api/openapi';
import { httpHandler } from '../../shared/api-handler';
import { json } from '../../shared/http';

/** Built once per container: it depends only on the code. */
let document: Record<string, unknown> | undefined;

export const handler = httpHandler(async () => json(200, (document ??= openApiDocument())));
