import { redirect } from 'next/navigation';
import { SiteSettingsForm } from '@/components/dashboard/site-settings-form.client';
import { can } from '@/lib/permissions';
import { listSectionsInHomeOrder } from '@/lib/settings/sections';
import { getSiteLogo, getSiteSettings } from '@/lib/settings/site';
import { listTimeZoneGroups } from '@/lib/settings/time-zones';
import { requireUser } from '@/lib/session';

export const metadata = { title: 'Site settings' };

export default async function SiteSettingsPage() {
  const user = await requireUser(['admin']);
  if (!can.manageSettings(user)) redirect('/dashboard?denied=1');
  const [settings, logo, sections] = await Promise.all([getSiteSettings(), getSiteLogo(), listSectionsInHomeOrder()]);
  return (
    <div>
      <h1 className="text-2xl font-semibold">Site settings</h1>
      <p className="mt-1 mb-6 max-w-2xl text-sm text-muted">
        The newsroom’s name, look and clock, for readers and staff alike. A change shows on the site as soon as you save it.
      </p>
      <SiteSettingsForm
        initial={{
          name: settings.name,
          tagline: settings.tagline,
          logo,
          timeZone: settings.timeZone,
          supportText: settings.supportText,
          sections: sections.map(({ slug, name }) => ({ slug, name })),
        }}
        timeZones={listTimeZoneGroups(settings.timeZone)}
      />
    </div>
  );
}
