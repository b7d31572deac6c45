namespace Deconflict.Core.Surveillance;

/// <summary>
/// Counters of an SBS-1 feed. A live feed never stops for a bad line: it is skipped and counted
/// here, so that an operator can see a degraded receiver instead of a crashed hub.
/// </summary>
public sealed class SbsFeedStats
{
    private long _lines;
    private long _messages;
    private long _ignored;
    private long _malformed;
    private long _truncated;
    private long _reports;

    public long Lines => Interlocked.Read(ref _lines);

    public long Messages => Interlocked.Read(ref _messages);

    public long Ignored => Interlocked.Read(ref _ignored);

    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Lines cut off by the end of the stream or a dropped connection, or longer than any valid line.</summary>
    public long Truncated => Interlocked.Read(ref _truncated);

    /// <summary>Position reports the merger produced from the messages.</summary>
    public long Reports => Interlocked.Read(ref _reports);

    internal void Count(SbsParseResult result)
    {
        Interlocked.Increment(ref _lines);
        switch (result)
        {
            case SbsParseResult.Message:
                Interlocked.Increment(ref _messages);
                break;
            case SbsParseResult.Ignored:
                Interlocked.Increment(ref _ignored);
                break;
            default:
                Interlocked.Increment(ref _malformed);
                break;
        }
    }

    internal void CountTruncated()
    {
        Interlocked.Increment(ref _lines);
        Interlocked.Increment(ref _truncated);
    }

    internal void CountReport() => Interlocked.Increment(ref _reports);

    public override string ToString() =>
        $"{Lines} lines: {Messages} messages, {Ignored} ignored, {Malformed} malformed, {Truncated} truncated; {Reports} reports";
}
