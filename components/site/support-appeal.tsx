import { getDonationSettings } from '@/lib/settings/donations';
import { getSiteSettings } from '@/lib/settings/site';
import { SupportAppealClient } from './support-appeal.client';

/**
 * The appeal at the end of an article: dismissible, and kept away for the
 * configured number of days after a dismissal or a gift.
 */
export async function SupportAppeal() {
  const [site, settings] = await Promise.all([getSiteSettings(), getDonationSettings()]);
  return (
    <SupportAppealClient
      copy={{
        title: `${site.name} is paid for by its readers`,
        text: 'If this reporting was worth something to you, help keep it free for everyone to read. Give once, or a little every month.',
      }}
      reshowDays={settings.appealReshowDays}
      pauseDays={settings.appealPauseAfterGiftDays}
    />
  );
}
