import { getDocumentExportState } from '../../operations/get-document-export';
import { httpHandler, pathParameter } from '../../shared/api-handler';
import { json } from '../../shared/http';

export const handler = httpHandler(async (event) => json(200, { export: await getDocumentExportState(pathParameter(event, 'exportId')) }));
