import { httpHandler } from '../../shared/api-handler';
import { page } from '../../shared/http';
import { CONSOLE_CSP, consolePage } from '../../../templates/pages/console-page';

export const handler = httpHandler(async () => page(200, consolePage(), CONSOLE_CSP));
