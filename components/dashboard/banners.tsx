/** Warnings every trading page shows: simulated market data and kill switches. */
export function TradingBanners({
  simulated,
  globalKill,
  userKill,
}: {
  simulated: boolean;
  globalKill: boolean;
  userKill: boolean;
}) {
  return (
    <div className="space-y-2">
      {globalKill && (
        <div
          role="alert"
          className="rounded-md border border-loss/50 bg-loss/15 px-4 py-2 text-sm text-red-100"
        >
          <strong>Trading halted:</strong> an administrator turned on the global kill switch. No new
          positions open until it is turned off.
        </div>
      )}
      {userKill && (
        <div
          role="alert"
          className="rounded-md border border-loss/50 bg-loss/15 px-4 py-2 text-sm text-red-100"
        >
          <strong>Your kill switch is on:</strong> no new positions open. Turn it off under Settings
          → Risk policy.
        </div>
      )}
      {simulated && (
        <div
          role="status"
          data-testid="simulated-banner"
          className="rounded-md border border-amber-500/40 bg-amber-500/10 px-4 py-2 text-sm text-amber-100"
        >
          <strong>Simulated market data.</strong> Live prices are unreachable or turned off, so
          paper trading runs on a simulated market. Prices are not real.
        </div>
      )}
    </div>
  );
}
