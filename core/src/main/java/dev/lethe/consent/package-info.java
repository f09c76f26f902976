/**
 * Consent (Art. 6(1)(a), Art. 7): {@link dev.lethe.consent.ConsentLedger} records each subject's
 * consent per purpose as an append-only history of {@link dev.lethe.consent.ConsentRecord}s, with the
 * notice shown, how consent was given and whether it was bundled with a contract, so that the
 * controller can demonstrate it (Art. 7(1)); withdrawing is one call, as easy as giving (Art. 7(3)),
 * and the current {@link dev.lethe.consent.ConsentState} is a query that honours expiry.
 */
@NullMarked
package dev.lethe.consent;

import org.jspecify.annotations.NullMarked;
