/**
 * The events and webinars tools of Mesma's privacy statement (an Eventbrite-like ticketing service
 * and a Zoom-like video-meetings service) as one small service that takes part in the consultancy
 * app's erasures and restrictions (Art. 17(2), 19). Start with {@link example.events.EventsServiceApplication}.
 */
@NullMarked
package example.events;

import org.jspecify.annotations.NullMarked;
