/** Settings shared by every local AWS service. */
export const LOCAL_REGION = 'eu-west-1';
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export { closeServer, freePort, listenLocally, outlastClientKeepAlive } from '../local-server';
