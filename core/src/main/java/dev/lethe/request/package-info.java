/**
 * A data subject's request as a value (Chapter III GDPR): its id, its type (which right), its
 * status, the channel it came through, the reasons for a refusal (Art. 12(4)), the rectification it
 * asks for (Art. 16), and the {@link dev.lethe.request.RightsRequest} that carries them. The audit
 * trail, the stores and the notifications name a request with these types; the services that act
 * on one live in {@link dev.lethe.rights}.
 */
@NullMarked
package dev.lethe.request;

import org.jspecify.annotations.NullMarked;
