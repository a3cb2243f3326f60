// Typed wrappers for sharing the PPG between the committee's laptops (tests/tidy.rs checks
// none is missing). The invitation code goes to Rust and is wiped there after use.
import { call } from './invoke';
import type { SharingStatus } from './bindings/SharingStatus';
import type { SyncReport } from './bindings/SyncReport';
import type { Codes } from './bindings/Codes';
import type { Joined } from './bindings/Joined';

export const getSharingStatus = () => call<SharingStatus | null>('get_sharing_status');
export const chooseSharedFolder = () => call<string | null>('choose_shared_folder');
export const startSharing = (folder: string, name: string, drivers: boolean, befriending: boolean) =>
  call<Codes>('start_sharing', { folder, name, drivers, befriending });
/** A scheme's code is needed only when the scheme is already shared by another laptop. */
export const joinSharedPpg = (
  folder: string,
  name: string,
  code: string,
  drivers: boolean,
  driversCode: string,
  befriending: boolean,
  befriendingCode: string,
) => call<Joined>('join_shared_ppg', { folder, name, code, drivers, driversCode, befriending, befriendingCode });
export const sendAndReceiveNow = () => call<SyncReport>('send_and_receive_now');
export const settleClash = (id: number) => call<void>('settle_clash', { id });
/** Puts the other laptop's value back (or, for a long text, the merged text). */
export const useOtherValue = (id: number, merged: string | null = null) =>
  call<void>('use_other_value', { id, merged });
/** Removes a laptop from the committee; the others get new keys. Returns the new codes. */
export const removeSharedLaptop = (laptopId: string) => call<Codes>('remove_shared_laptop', { laptopId });
