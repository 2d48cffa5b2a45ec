import { Card } from '../ui/card';

/** What a page shows until its feature lands: a plain statement, never invented data. */
export function PendingFeature({ title, arrivesWith }: { title: string; arrivesWith: string }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-100">{title}</h1>
      <Card>
        <p className="text-slate-300">This page is not built yet.</p>
        <p className="mt-1 text-sm text-slate-400">
          It arrives with {arrivesWith}. Nothing is shown here until it has real data.
        </p>
      </Card>
    </div>
  );
}
