namespace Deconflict.Core.Surveillance;

/// <summary>
/// Turns the raw bytes of an SBS-1 stream (a TCP connection or a file) into position reports:
/// splits lines on LF, parses each, merges per aircraft. Bytes can arrive in any chunking; a line
/// split across reads is reassembled. Garbage, over-long lines and a line cut off by the end of
/// the stream are skipped and counted in <see cref="Stats"/>; nothing here throws on bad input.
/// </summary>
public sealed class SbsFeed
{
    /// <summary>No valid line is this long; anything longer is garbage and is dropped up to the next LF.</summary>
    public const int MaxLineLength = 512;

    private readonly char[] _line = new char[MaxLineLength];
    private int _length;
    private bool _overflow;
    private double _lastTimeS = double.NaN;

    /// <param name="merger">Per-aircraft merge state (kept across reconnections of one feed).</param>
    /// <param name="clock">
    /// When given, each report is stamped with the clock's time (UNIX seconds) at receipt, as a
    /// live feed should be: receivers write their own local time into the lines. When null, the
    /// time written in each line is used, as a replay of a recording should.
    /// </param>
    public SbsFeed(SbsTrackMerger? merger = null, Func<double>? clock = null)
    {
        Merger = merger ?? new SbsTrackMerger();
        Clock = clock;
    }

    public SbsTrackMerger Merger { get; }

    public Func<double>? Clock { get; }

    public SbsFeedStats Stats { get; } = new();

    /// <summary>Consumes <paramref name="bytes"/>; appends each completed report to <paramref name="output"/>.</summary>
    public void Push(ReadOnlySpan<byte> bytes, List<PositionReport> output)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                EndLine(output);
            }
            else if (_length < MaxLineLength)
            {
                _line[_length++] = (char)b;
            }
            else
            {
                _overflow = true;
            }
        }
    }

    /// <summary>Reads a whole stream (a recording) lazily; the stream's end ends the feed.</summary>
    public IEnumerable<PositionReport> ReadReports(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var reports = new List<PositionReport>(1024);
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            reports.Clear();
            Push(buffer.AsSpan(0, n), reports);
            foreach (var r in reports)
            {
                yield return r;
            }
        }
        EndOfStream();
    }

    /// <summary>
    /// The stream ended or the connection dropped: a partial line is counted as truncated and
    /// dropped, never parsed (its last number could be cut short).
    /// </summary>
    public void EndOfStream()
    {
        if (_length > 0 || _overflow)
        {
            Stats.CountTruncated();
        }
        _length = 0;
        _overflow = false;
    }

    private void EndLine(List<PositionReport> output)
    {
        if (_overflow)
        {
            Stats.CountTruncated();
            _length = 0;
            _overflow = false;
            return;
        }
        var line = _line.AsSpan(0, _length);
        _length = 0;
        if (line.IsEmpty || line is "\r")
        {
            return;
        }
        var result = SbsLineParser.Parse(line, out var message);
        Stats.Count(result);
        if (result != SbsParseResult.Message)
        {
            return;
        }
        var t = Clock?.Invoke() ?? message.TimeS;
        if (double.IsNaN(t))
        {
            t = _lastTimeS;
            if (double.IsNaN(t))
            {
                return;
            }
        }
        if (double.IsNaN(_lastTimeS) || t > _lastTimeS)
        {
            _lastTimeS = t;
        }
        if (Merger.Apply(message, t, out var report))
        {
            Stats.CountReport();
            output.Add(report);
        }
    }
}
