import { html } from '../html';
import type { ConsoleLanguage } from './i18n';
import type { ConsolePage } from './layout';
import { notificationSettingsForm } from './notification-settings-section';

export function declarationFormPage(declarationId?: string, language: ConsoleLanguage = 'en'): ConsolePage {
  return {
    language,
    title: declarationId ? 'Edit draft' : 'New declaration',
    section: 'declarations',
    params: declarationId ? { declarationId } : {},
    script: 'declaration-form',
    body: html`
<section class="panel" aria-labelledby="form-title">
<p><a href="${declarationId ? `/console/declarations/${declarationId}` : '/console'}">Back</a></p>
<h1 id="form-title">New declaration</h1>
<p class="muted">A draft can be edited until it is opened for signing; then its text is fixed (signatories and the sealed certificates rely on its SHA-256). A draft needs only its title: save it as far as it goes, and complete it before opening it.</p>
<form id="declaration-form" novalidate>
<div class="row">
<div><label for="version">Version</label><input type="text" id="version" value="1.0" maxlength="40" size="10" data-field="version"></div>
<div><label for="defaultLanguage">Default language</label><input type="text" id="defaultLanguage" value="en" maxlength="2" size="4" aria-describedby="default-language-hint" data-field="defaultLanguage"></div>
</div>
<p class="muted" id="default-language-hint">Shown to signatories whose language has no text. It must be one of the languages below.</p>
<fieldset><legend>Text of the declaration, per language</legend><div id="texts"></div>
<button type="button" id="add-language" class="small">Add a language</button></fieldset>
<h2>Commitments per category</h2>
<p class="muted">Each category of signatory commits to its own list; "required" commitments must be accepted to sign.</p>
<div id="categories"></div>
<fieldset><legend>Deadline and reminders</legend>
<label for="deadline">Deadline (UTC, optional)</label><input type="datetime-local" id="deadline" aria-describedby="deadline-hint" data-field="deadline">
<p class="muted" id="deadline-hint">No signing link works after the deadline. Without one, a link works for the signing window the deployment sets (the reminder interval times the number of reminders plus one) after the invitation, and a deadline never extends that window.</p>
<div><input type="checkbox" id="automaticReminders" checked><label class="inline-label" for="automaticReminders">Send the workflow's automatic reminders</label></div>
<p class="muted">How often and how many automatic reminders go out is set for the whole deployment (CDK context <code>reminderIntervalSeconds</code> and <code>reminderCount</code>), not per declaration. Switched off, only the invitation is sent automatically; you can always remind organisations now from the dashboard.</p>
</fieldset>
<fieldset><legend>Signing</legend>
<div><input type="checkbox" id="oneTimeCode" checked><label class="inline-label" for="oneTimeCode">Ask each signatory for a one-time code, sent to the invited address, before signing</label></div>
</fieldset>
<fieldset><legend>Registered email domains per organisation</legend>
<label for="organisationDomains">One organisation per line: its name, a colon, then its domains</label>
<textarea id="organisationDomains" rows="5" placeholder="Port of Antwerp-Bruges: portofantwerpbruges.example, pabr.example" aria-describedby="domains-hint" data-field="organisationDomains"></textarea>
<p class="muted" id="domains-hint">An invitation to a listed organisation that names no domain gets these. A signature from an address outside an organisation's domains is flagged for review.</p>
</fieldset>
<div><button type="submit" class="primary" id="save-draft">Save as draft</button> <button type="button" id="save-open">Create and open for signing</button></div>
</form>
${notificationSettingsForm()}
</section>`,
  };
}
