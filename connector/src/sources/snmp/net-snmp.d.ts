// The part of net-snmp (which ships no types) that the trap listener uses.
declare module 'net-snmp' {
  import type { Socket } from 'node:dgram';

  export type ReceiverUser = {
    name: string;
    level: number;
    authProtocol?: number;
    authKey?: string;
    privProtocol?: number;
    privKey?: string;
  };
  export type Authorizer = {
    addCommunity(community: string): void;
    addUser(user: ReceiverUser): void;
    /** Read by net-snmp for each datagram: skips community checks and also v3 digest checks. */
    disableAuthorization: boolean;
  };
  export type Notification = {
    pdu: unknown;
    rinfo: { address: string; family: string; port: number; size: number };
  };
  export type Receiver = {
    getAuthorizer(): Authorizer;
    close(callback?: (socket: unknown) => void): void;
  };
  export type ReceiverOptions = {
    port: number;
    address?: string | null;
    transport?: 'udp4' | 'udp6';
    disableAuthorization?: boolean;
    includeAuthentication?: boolean;
    engineID?: string;
    /** Undocumented: the module whose createSocket() the listener uses (lets us await the bind). */
    dgramModule?: { createSocket(type: 'udp4' | 'udp6'): Socket };
  };
  export function createReceiver(
    options: ReceiverOptions,
    callback: (
      error: (Error & { rinfo?: { address: string; port: number } }) | null,
      notification: Notification | null,
    ) => void,
  ): Receiver;

  export const SecurityLevel: { noAuthNoPriv: number; authNoPriv: number; authPriv: number };
  export const AuthProtocols: Record<'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512', number>;
  export const PrivProtocols: Record<'des' | 'aes' | 'aes256b' | 'aes256r', number>;
  export const ResponseInvalidCode: { EAuthFailure: number; ECouldNotDecrypt: number };

  const snmp: {
    createReceiver: typeof createReceiver;
    SecurityLevel: typeof SecurityLevel;
    AuthProtocols: typeof AuthProtocols;
    PrivProtocols: typeof PrivProtocols;
    ResponseInvalidCode: typeof ResponseInvalidCode;
  };
  export default snmp;
}
