import { html } from '../html';
import { CONSOLE_MESSAGES, type ConsoleLanguage } from './i18n';
import type { ConsolePage } from './layout';
import { notificationSettingsForm } from './notification-settings-section';

export function declarationFormPage(declarationId?: string, language: ConsoleLanguage = 'en'): ConsolePage {
  const m = CONSOLE_MESSAGES[language].declarationForm;
  const [remindersBefore = '', remindersBetween = '', remindersAfter = ''] = m.remindersHint.split(/\{interval\}|\{count\}/);
  return {
    language,
    title: declarationId ? m.editDraft : m.newDeclaration,
    section: 'declarations',
    params: declarationId ? { declarationId } : {},
    script: 'declaration-form',
    body: html`
<section class="panel" aria-labelledby="form-title">
<p><a href="${declarationId ? `/console/declarations/${declarationId}` : '/console'}">${m.back}</a></p>
<h1 id="form-title">${m.newDeclaration}</h1>
<p class="muted">${m.intro}</p>
<form id="declaration-form" novalidate>
<div class="row">
<div><label for="version">${m.version}</label><input type="text" id="version" value="1.0" maxlength="40" size="10" data-field="version"></div>
<div><label for="defaultLanguage">${m.defaultLanguage}</label><input type="text" id="defaultLanguage" value="en" maxlength="2" size="4" aria-describedby="default-language-hint" data-field="defaultLanguage"></div>
</div>
<p class="muted" id="default-language-hint">${m.defaultLanguageHint}</p>
<fieldset><legend>${m.texts}</legend><div id="texts"></div>
<button type="button" id="add-language" class="small">${m.addLanguage}</button></fieldset>
<h2>${m.commitmentsPerCategory}</h2>
<p class="muted">${m.commitmentsIntro}</p>
<div id="categories"></div>
<fieldset><legend>${m.deadlineAndReminders}</legend>
<label for="deadline">${m.deadline}</label><input type="datetime-local" id="deadline" aria-describedby="deadline-hint" data-field="deadline">
<p class="muted" id="deadline-hint">${m.deadlineHint}</p>
<div><input type="checkbox" id="automaticReminders" checked><label class="inline-label" for="automaticReminders">${m.automaticReminders}</label></div>
<p class="muted">${remindersBefore}<code>reminderIntervalSeconds</code>${remindersBetween}<code>reminderCount</code>${remindersAfter}</p>
</fieldset>
<fieldset><legend>${m.signing}</legend>
<div><input type="checkbox" id="oneTimeCode" checked><label class="inline-label" for="oneTimeCode">${m.oneTimeCode}</label></div>
</fieldset>
<fieldset><legend>${m.domains}</legend>
<label for="organisationDomains">${m.domainsLabel}</label>
<textarea id="organisationDomains" rows="5" placeholder="Port of Antwerp-Bruges: portofantwerpbruges.example, pabr.example" aria-describedby="domains-hint" data-field="organisationDomains"></textarea>
<p class="muted" id="domains-hint">${m.domainsHint}</p>
</fieldset>
<div><button type="submit" class="primary" id="save-draft">${m.saveDraft}</button> <button type="button" id="save-open">${m.saveOpen}</button></div>
</form>
${notificationSettingsForm(language)}
</section>`,
  };
}
