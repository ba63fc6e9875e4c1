import type { Agent } from '../harness.ts';
import { multipart } from '../multipart.ts';

/** POSTs one file as multipart/form-data, the way the browser's upload does. */
export async function upload(agent: Agent, url: string, filename: string, contentType: string, data: Buffer | string) {
  const { body, headers } = multipart([{ filename, contentType, data }]);
  return agent.request('POST', url, body, { headers });
}
