import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PassThrough, type Writable } from 'node:stream';
import { bucketName, s3 } from './objects';

export { putFile, readFile } from './objects';

/** How long a download URL works: long enough to start a download, short enough that a forwarded link is soon useless. */
export const DOWNLOAD_URL_SECONDS = 300;

export { FILE_PREFIXES } from './prefixes';

/** `attachment` under a plain ASCII name: the names we give (ids and dates) need nothing more. */
function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

/** A URL that downloads one object for the next few minutes, as a file named `filename`, without any other credential. */
export async function downloadUrl(key: string, filename: string, now: Date): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(s3(), new GetObjectCommand({ Bucket: bucketName(), Key: key, ResponseContentDisposition: attachment(filename) }), {
    expiresIn: DOWNLOAD_URL_SECONDS,
    signingDate: now,
  });
  return { url, expiresAt: new Date(now.getTime() + DOWNLOAD_URL_SECONDS * 1000).toISOString() };
}

export interface StreamedUpload {
  /** Write the file here, then end it. */
  readonly body: Writable;
  /** Settles once the object is complete in the bucket. */
  readonly done: Promise<void>;
  /** Gives up: the parts uploaded so far are removed. */
  abort(): Promise<void>;
}

/** 8 MiB parts, 4 in flight: about 40 MB of buffers whatever the size of the file. */
const PART_BYTES = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 4;

/**
 * Uploads a file of any size as it is written: a multipart upload whose parts are sent while the
 * writer goes on (`@aws-sdk/lib-storage`), with backpressure, so the file is never held whole in memory.
 */
export function streamUpload(key: string, contentType: string): StreamedUpload {
  const body = new PassThrough({ highWaterMark: 1024 * 1024 });
  const upload = new Upload({
    client: s3(),
    params: { Bucket: bucketName(), Key: key, Body: body, ContentType: contentType },
    partSize: PART_BYTES,
    queueSize: PARTS_IN_FLIGHT,
    leavePartsOnError: false,
  });
  const done = upload.done().then(() => undefined);
  // A failure is reported through `done`; keep it from surfacing as an unhandled rejection meanwhile.
  done.catch(() => undefined);
  return {
    body,
    done,
    abort: async () => {
      await upload.abort().catch(() => undefined);
      body.destroy();
    },
  };
}

