import { serialRefetch } from '../serial-refetch';

describe('serialRefetch: reads for changes announced live, one at a time', () => {
  it('reads once per change when changes come apart', async () => {
    let reads = 0;
    const next = serialRefetch(async () => {
      reads += 1;
    });
    await next();
    await next();
    expect(reads).toBe(2);
  });

  it('changes announced while a read is on its way make exactly one more read, started after that one answered', async () => {
    const log: string[] = [];
    const pending: (() => void)[] = [];
    const next = serialRefetch(
      () =>
        new Promise<void>((resolve) => {
          log.push(`start ${log.filter((l) => l.startsWith('start')).length + 1}`);
          pending.push(() => {
            log.push('answered');
            resolve();
          });
        }),
    );
    const first = next();
    void next();
    void next();
    expect(log).toEqual(['start 1']);
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['start 1', 'answered', 'start 2']);
    pending.shift()?.();
    await first;
    expect(log).toEqual(['start 1', 'answered', 'start 2', 'answered']);
  });

  it('a failed read does not stop the next one', async () => {
    let reads = 0;
    const next = serialRefetch(async () => {
      reads += 1;
      if (reads === 1) throw new Error('network down');
    });
    await next();
    await next();
    expect(reads).toBe(2);
  });
});
