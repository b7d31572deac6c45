using Deconflict.Core.Audit;

namespace Deconflict.Hub;

/// <summary>Puts the audit receipt of a committed write on its 2xx reply.</summary>
public static class AuditReceiptHeader
{
    public static void Set(HttpResponse response, string receipt)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[AuditReceipt.HeaderName] = receipt;
    }
}
