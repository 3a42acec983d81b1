/** The header row of the dashboard's dense tables. `stacked`: hidden below 640px, where rows become blocks. */
export function TableHead({ columns, stacked = false }: { columns: { label: string; className?: string }[]; stacked?: boolean }) {
  return (
    <thead className={`border-b border-rule text-xs tracking-wider text-muted uppercase ${stacked ? 'hidden sm:table-header-group' : ''}`}>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={`px-3 py-2 font-semibold ${column.className ?? ''}`}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
