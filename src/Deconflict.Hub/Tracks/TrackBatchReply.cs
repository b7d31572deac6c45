using Deconflict.Core.Surveillance;

namespace Deconflict.Hub.Tracks;

/// <summary>The reply to <c>POST /api/v1/tracks</c>: how many reports were taken and which were refused, with why.</summary>
public sealed record TrackBatchReply(int Accepted, IReadOnlyList<ReportRejection> Rejected);
