namespace Deconflict.Hub.Storage;

/// <summary>
/// A write waiting for the store's writer. Whoever holds the write lock runs the queue in order; writes marked
/// groupable that wait next to each other are committed in one transaction (see <see cref="SqlHubStore"/>).
/// A write is claimed once: either the writer runs it or its caller abandons it (cancelled while still waiting).
/// </summary>
internal abstract class QueuedWrite(bool groupable, CancellationToken cancellationToken)
{
    private const int Waiting = 0, Claimed = 1, Abandoned = 2;
    private int _state;

    public bool Groupable => groupable;

    public CancellationToken CancellationToken => cancellationToken;

    public abstract bool IsCompleted { get; }

    /// <summary>Taken by the writer; false when its caller gave up first.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    /// <summary>Given up by its caller; false when the writer has it already (its outcome will come).</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;

    /// <summary>Runs the work; the outcome is kept, not given to the caller, until <see cref="Complete"/>.</summary>
    public abstract Task RunAsync(IHubWriter writer);

    public abstract void Complete();

    public abstract void Fail(Exception error);
}

internal sealed class QueuedWrite<T>(Func<IHubWriter, Task<T>> work, bool groupable, CancellationToken cancellationToken)
    : QueuedWrite(groupable, cancellationToken)
{
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Outcome => _outcome.Task;

    public override bool IsCompleted => _outcome.Task.IsCompleted;

    public override async Task RunAsync(IHubWriter writer) => _result = await work(writer).ConfigureAwait(false);

    public override void Complete() => _outcome.TrySetResult(_result);

    public override void Fail(Exception error)
    {
        if (error is OperationCanceledException cancelled)
        {
            _outcome.TrySetCanceled(cancelled.CancellationToken);
        }
        else
        {
            _outcome.TrySetException(error);
        }
    }
}
