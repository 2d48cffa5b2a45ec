'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { commandBotAction } from '@/app/(app)/bots/actions';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';

type Status = 'stopped' | 'running' | 'paused';
type Command = 'start' | 'stop' | 'pause' | 'resume';

const commandsFor: Record<Status, readonly Command[]> = {
  stopped: ['start'],
  running: ['pause', 'stop'],
  paused: ['resume', 'stop'],
};
const labels: Record<Command, string> = {
  start: 'Start',
  stop: 'Stop',
  pause: 'Pause',
  resume: 'Resume',
};

/** Start / pause / resume / stop buttons for one bot; the page refreshes with the new status. */
export function BotControls({
  botId,
  botName,
  status,
  size = 'md',
}: {
  botId: string;
  botName: string;
  status: Status;
  size?: 'sm' | 'md';
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const run = (command: Command) =>
    start(async () => {
      const result = await commandBotAction(null, { id: botId, command });
      if (result.ok) {
        toast(`${botName}: ${result.data.status}.`, 'success');
        router.refresh();
      } else toast(result.error.message, 'error');
    });
  const pad = size === 'sm' ? 'px-2.5 py-1 text-xs' : '';
  return (
    <div className="flex gap-2">
      {commandsFor[status].map((command) => (
        <Button
          key={command}
          type="button"
          variant={command === 'stop' ? 'danger' : command === 'pause' ? 'secondary' : 'primary'}
          className={pad}
          disabled={pending}
          aria-label={`${labels[command]} ${botName}`}
          onClick={() => run(command)}
        >
          {labels[command]}
        </Button>
      ))}
    </div>
  );
}
