import type { GateFactory } from './gate.js';
import { createGate as invitationGate } from './invitation-gate.js';
import { createGate as kioskGate } from './kiosk-gate.js';

export { styles } from './verified-view.js';

/**
 * The verified-rating part of `<svc-rating>`: the invitation looked up, the kiosk armed by an
 * official. Both gates in one part, with the views and strings they share: in the CDN build a
 * part imports code of no other part, so a part fetched again after a failure stands alone (see
 * src/core/lazy.ts).
 */
export const GATES: Record<'invite' | 'kiosk', GateFactory> = { invite: invitationGate, kiosk: kioskGate };
