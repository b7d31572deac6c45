namespace Deconflict.Hub;

/// <summary>Log messages of the hub's start-up and storage that more than one part writes.</summary>
public static partial class HubLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Stored {Kind} '{Id}' of party '{Party}' cannot be read and is left out until repaired: {Problem}")]
    public static partial void UnreadableRow(ILogger logger, string kind, string party, string id, string problem);
}
