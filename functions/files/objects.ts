import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ENV } from '../catalog';
import { requiredEnv } from '../shared/config';

/*
 * Reading and writing whole objects of the files bucket, with the S3 client alone: what sealing and the
 * readers of sealed PDFs need, without the multipart uploader and the URL pre-signer of ./bucket.
 */

let client: S3Client | undefined;

/** The endpoint comes from AWS_ENDPOINT_URL_S3 when set (the local stack), as the SDK defines. */
export function s3(): S3Client {
  client ??= new S3Client({});
  return client;
}

export const bucketName = () => requiredEnv(ENV.filesBucketName);

/** Stores a file in one request (a PDF of a few megabytes). */
export async function putFile(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: bucketName(), Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }));
}

/** The bytes of one object, or undefined when there is no object under that key. */
export async function readFile(key: string): Promise<Uint8Array | undefined> {
  try {
    const { Body } = await s3().send(new GetObjectCommand({ Bucket: bucketName(), Key: key }));
    return Body ? await Body.transformToByteArray() : undefined;
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}
