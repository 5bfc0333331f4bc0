// Starts a stand-in for one test file and gives an axios client that never throws on a status.
import axios, { type AxiosInstance } from 'axios';
import {
  startStandin,
  type Standin,
  type StandinOptions,
} from '../../../../connector/src/demo/standin/index.js';

export interface Harness {
  standin: Standin;
  http: AxiosInstance;
}

export async function startHarness(options: StandinOptions = {}): Promise<Harness> {
  const standin = await startStandin({ port: 0, ...options });
  const http = axios.create({
    baseURL: standin.url,
    auth: { username: 'admin', password: 'admin' },
    validateStatus: () => true,
    proxy: false,
  });
  return { standin, http };
}
