// Typed wrappers for sharing the PPG between the committee's laptops (tests/tidy.rs checks
// none is missing). The invitation code goes to Rust and is wiped there after use.
import { call } from './invoke';
import type { SharingStatus } from './bindings/SharingStatus';
import type { SyncReport } from './bindings/SyncReport';

export const getSharingStatus = () => call<SharingStatus | null>('get_sharing_status');
export const chooseSharedFolder = () => call<string | null>('choose_shared_folder');
export const startSharing = (folder: string, name: string, drivers: boolean, befriending: boolean) =>
  call<string>('start_sharing', { folder, name, drivers, befriending });
export const joinSharedPpg = (folder: string, name: string, code: string, drivers: boolean, befriending: boolean) =>
  call<SyncReport>('join_shared_ppg', { folder, name, code, drivers, befriending });
export const sendAndReceiveNow = () => call<SyncReport>('send_and_receive_now');
export const settleClash = (id: number) => call<void>('settle_clash', { id });
