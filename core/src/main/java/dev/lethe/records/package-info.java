/**
 * The GDPR's written records, generated from the {@link dev.lethe.model.PersonalDataModel} and a
 * {@link dev.lethe.records.Controller} description: the record of processing activities
 * (Art. 30(1)) as Markdown, JSON and CSV, a draft of the information to give data subjects
 * (Art. 13 and 14) as Markdown and HTML, and a data map of who is reached by which entity.
 *
 * <pre>{@code
 * Controller controller = Controller.of("Mesma Limited", "27/28 Frederick Street, Sunderland",
 *         Contact.of("support@mesma.co.uk"), SupervisoryAuthority.of("Information Commissioner's Office", "https://ico.org.uk"))
 *     .withRecipients(Recipient.processor("HubSpot", "Customer relationship management", "US"));
 * RecordOfProcessing.of(model, controller).writeMarkdown(writer);
 * }</pre>
 */
@NullMarked
package dev.lethe.records;

import org.jspecify.annotations.NullMarked;
