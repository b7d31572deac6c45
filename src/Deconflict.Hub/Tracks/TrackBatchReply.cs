using Deconflict.Core.Surveillance;

namespace Deconflict.Hub.Tracks;

/// <summary>
/// The reply to <c>POST /api/v1/tracks</c>: how many reports were taken and which were refused, with why, and the
/// <see cref="TrackReportDigest"/> of the reports taken, which the batch's audit entry carries (null when none was taken).
/// </summary>
public sealed record TrackBatchReply(int Accepted, IReadOnlyList<ReportRejection> Rejected, string? ReportsSha256);
