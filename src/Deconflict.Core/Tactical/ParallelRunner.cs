using System.Runtime.ExceptionServices;

namespace Deconflict.Core.Tactical;

/// <summary>A unit of work split by the caller into chunks that workers claim until none are left.</summary>
internal interface IParallelJob
{
    void Run(int worker);
}

/// <summary>
/// Fork/join on a few process-wide background threads that allocates nothing per run (the thread pool's
/// queues do): each thread waits on its own semaphore, the calling thread takes part as worker 0 and the
/// last worker to finish wakes it. One run at a time; a caller that finds the threads busy runs its job
/// alone on its own thread instead of waiting.
/// </summary>
internal sealed class ParallelRunner
{
    /// <summary>Threads shared by every detector and whole-index check of the process: one per core beside the caller.</summary>
    public static ParallelRunner Shared { get; } = new(Environment.ProcessorCount);

    private readonly object _gate = new();
    private readonly SemaphoreSlim[] _starts;
    private readonly ManualResetEventSlim _done = new(false);
    private IParallelJob? _job;
    private int _pending;
    private Exception? _failure;

    // The threads start with the runner (when the first detector is made), so a first pass does not pay for them.
    private ParallelRunner(int workerCount)
    {
        _starts = Enumerable.Range(0, Math.Max(0, workerCount - 1)).Select(_ => new SemaphoreSlim(0)).ToArray();
        StartThreads();
    }

    /// <summary>Most workers a run can have (the caller included).</summary>
    public int MaxWorkers => _starts.Length + 1;

    /// <summary>Runs <paramref name="job"/> on up to <paramref name="workers"/> workers (indices 0..workers-1) and waits for all.</summary>
    public void Run(IParallelJob job, int workers)
    {
        var helpers = Math.Min(workers - 1, _starts.Length);
        if (helpers <= 0 || !Monitor.TryEnter(_gate))
        {
            job.Run(0);
            return;
        }
        try
        {
            _job = job;
            _failure = null;
            _pending = helpers;
            _done.Reset();
            for (var k = 0; k < helpers; k++)
            {
                _starts[k].Release();
            }
            try
            {
                job.Run(0);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
            _done.Wait();
            _job = null;
            if (_failure is { } failure)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void StartThreads()
    {
        for (var k = 0; k < _starts.Length; k++)
        {
            var index = k;
            new Thread(() => Loop(index)) { IsBackground = true, Name = $"deconflict-detect-{index + 1}" }.Start();
        }
    }

    private void Loop(int index)
    {
        while (true)
        {
            _starts[index].Wait();
            try
            {
                _job!.Run(index + 1);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }
            finally
            {
                if (Interlocked.Decrement(ref _pending) == 0)
                {
                    _done.Set();
                }
            }
        }
    }
}
