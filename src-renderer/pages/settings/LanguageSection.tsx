import { LOCALE_NAMES, LOCALES, type Locale } from '@i18n';
import { useState } from 'react';
import { SelectField } from '../../components/Fields';
import { Notice } from '../../components/Notice';
import { useT } from '../../lib/i18n';
import { useSettings, type Settings } from '../../stores/settings';

type Choice = 'auto' | Locale;

/**
 * The language of the organizer's screens, saved as soon as it is chosen: the screens switch at
 * once (the provider follows `settings.locale`). Each language is named in itself, so someone who
 * cannot read the current one still finds theirs.
 */
export function LanguageSection({ settings }: { settings: Settings }) {
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  const options: Array<{ value: Choice; label: string }> = [
    { value: 'auto', label: t('admin.settings.languageAuto', { language: LOCALE_NAMES[settings.systemLocale] }) },
    ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] })),
  ];
  const choose = async (language: Choice) => {
    setError(null);
    const result = await useSettings.getState().update({ language });
    if (!result.ok) setError(result.error.message);
  };
  return (
    <div className="stack stack--tight">
      <SelectField<Choice>
        label={t('admin.settings.language')}
        hint={t('admin.settings.languageHint')}
        value={settings.language}
        options={options}
        onChange={(v) => void choose(v)}
      />
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
