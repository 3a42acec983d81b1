import { TableHead } from '@/components/ui/table-head';
import { InviteForm } from '@/components/dashboard/invite-form.client';
import { PersonControls } from '@/components/dashboard/person-controls.client';
import { listPendingInvites, listStaff } from '@/db/queries/people';
import { formatDateTime } from '@/lib/dates';
import { getSiteSettings } from '@/lib/settings/site';
import { mailConfigured } from '@/lib/mail';
import { requireUser } from '@/lib/session';

export const metadata = { title: 'People' };

const ROLE_LABEL = { writer: 'Writer', editor: 'Editor', admin: 'Admin' } as const;

export default async function PeoplePage() {
  const admin = await requireUser(['admin']);
  const [staff, invites, { timeZone }] = await Promise.all([listStaff(), listPendingInvites(), getSiteSettings()]);
  const activeCount = staff.filter((person) => person.active).length;
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold">People</h1>
        <p className="mt-1 text-sm text-muted">
          {activeCount} active, {staff.length - activeCount} deactivated. A role change or a deactivation takes effect at once and signs the person out everywhere.
        </p>
      </div>

      <section aria-labelledby="invite-heading" className="rounded border border-rule bg-panel p-4">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite someone
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">
          {mailConfigured()
            ? 'They get an email with a link to choose their password. It works once and expires after seven days.'
            : 'Email is not set up on this server (SMTP_URL), so you get a link to send them yourself. It works once and expires after seven days.'}
        </p>
        <InviteForm />
      </section>

      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading" className="mb-3 text-lg font-semibold">
          Staff
        </h2>
        {/* Below 640px each row becomes a block: the person, then their controls at full width. */}
        <div className="rounded border border-rule bg-panel">
          <table className="block w-full text-left text-sm sm:table">
            <TableHead stacked columns={[{ label: 'Name' }, { label: 'Email', className: 'hidden md:table-cell' }, { label: 'Role', className: 'hidden sm:table-cell' }, { label: 'Status', className: 'hidden sm:table-cell' }, { label: 'Last change', className: 'hidden lg:table-cell' }, { label: 'Manage' }]} />
            <tbody className="block sm:table-row-group">
              {staff.map((person) => (
                <tr key={person.id} className={`block border-b border-rule align-top last:border-0 sm:table-row ${person.active ? '' : 'bg-paper text-muted'}`}>
                  <td className="block px-3 pt-3 pb-2 sm:table-cell sm:py-2.5">
                    <span className="font-medium text-ink">{person.name}</span>
                    {person.id === admin.id && <span className="ml-1.5 text-xs text-muted">(you)</span>}
                    <span className="block text-xs break-all text-muted md:hidden">{person.email}</span>
                    <span className="mt-1 flex gap-1.5 text-xs sm:hidden">
                      <span className="rounded bg-rule px-1.5 py-0.5 text-ink">{ROLE_LABEL[person.role]}</span>
                      {!person.active && <span className="rounded border border-rule px-1.5 py-0.5">Deactivated</span>}
                    </span>
                  </td>
                  <td className="hidden px-3 py-2.5 md:table-cell">{person.email}</td>
                  <td className="hidden px-3 py-2.5 sm:table-cell">{ROLE_LABEL[person.role]}</td>
                  <td className="hidden px-3 py-2.5 sm:table-cell">
                    {person.active ? (
                      <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">Active</span>
                    ) : (
                      <span className="rounded border border-rule px-1.5 py-0.5 text-xs font-medium">Deactivated</span>
                    )}
                  </td>
                  <td className="hidden px-3 py-2.5 whitespace-nowrap text-muted lg:table-cell">
                    <time dateTime={person.updatedAt.toISOString()}>{formatDateTime(person.updatedAt, timeZone)}</time>
                  </td>
                  <td className="block px-3 pb-3 text-ink sm:table-cell sm:py-2">
                    <PersonControls person={{ id: person.id, name: person.name, role: person.role, active: person.active }} isSelf={person.id === admin.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {invites.length > 0 && (
        <section aria-labelledby="invites-heading">
          <h2 id="invites-heading" className="mb-3 text-lg font-semibold">
            Invitations waiting
          </h2>
          <div className="overflow-x-auto rounded border border-rule bg-panel">
            <table className="w-full text-left text-sm">
              <TableHead columns={[{ label: 'Name' }, { label: 'Email', className: 'hidden sm:table-cell' }, { label: 'Role', className: 'hidden sm:table-cell' }, { label: 'Expires' }]} />
              <tbody>
                {invites.map((invite) => (
                  <tr key={invite.id} className="border-b border-rule last:border-0">
                    <td className="px-3 py-2">
                      {invite.name}
                      <span className="block text-xs break-all text-muted sm:hidden">
                        {invite.email} · {ROLE_LABEL[invite.role]}
                      </span>
                    </td>
                    <td className="hidden px-3 py-2 sm:table-cell">{invite.email}</td>
                    <td className="hidden px-3 py-2 sm:table-cell">{ROLE_LABEL[invite.role]}</td>
                    <td className="px-3 py-2 whitespace-nowrap text-muted">
                      <time dateTime={invite.expiresAt.toISOString()}>{formatDateTime(invite.expiresAt, timeZone)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-xs text-muted">A new invitation to the same address replaces the earlier link.</p>
        </section>
      )}
    </div>
  );
}
