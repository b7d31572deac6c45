using System.Runtime.ExceptionServices;

namespace Deconflict.Core.Tactical;

/// <summary>A unit of work split by the caller into chunks that workers claim until none are left.</summary>
internal interface IParallelJob
{
    void Run(int worker);
}

/// <summary>
/// Fork/join over the thread pool that allocates nothing per run: the work items are created once and
/// re-queued, the calling thread takes part as worker 0, and the last worker to finish wakes it.
/// Not reentrant: one run at a time.
/// </summary>
internal sealed class ParallelRunner
{
    private readonly Worker[] _workers;
    private readonly ManualResetEventSlim _done = new(false);
    private IParallelJob? _job;
    private int _pending;
    private Exception? _failure;

    public ParallelRunner(int workerCount)
    {
        workerCount = Math.Max(1, workerCount);
        _workers = new Worker[workerCount - 1];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Worker(this, i + 1);
        }
    }

    public int WorkerCount => _workers.Length + 1;

    public void Run(IParallelJob job)
    {
        _job = job;
        _failure = null;
        _pending = _workers.Length;
        _done.Reset();
        foreach (var w in _workers)
        {
            ThreadPool.UnsafeQueueUserWorkItem(w, preferLocal: false);
        }
        try
        {
            job.Run(0);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
        if (_workers.Length > 0)
        {
            _done.Wait();
        }
        _job = null;
        if (_failure is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private sealed class Worker(ParallelRunner owner, int index) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            try
            {
                owner._job!.Run(index);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref owner._failure, e, null);
            }
            finally
            {
                if (Interlocked.Decrement(ref owner._pending) == 0)
                {
                    owner._done.Set();
                }
            }
        }
    }
}
