using Deconflict.Core.Surveillance;
using Deconflict.Core.Tactical;

namespace Deconflict.Cli.Replay;

/// <summary>What a replay covered, for the report's header.</summary>
internal sealed record ReplaySummary(
    string Source,
    double StartS,
    double EndS,
    long Reports,
    int Aircraft,
    SeparationMinima Minima,
    double CycleS,
    AlertOptions Alerts,
    string? SbsStats);
