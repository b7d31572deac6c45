namespace Deconflict.Hub.Storage;

/// <summary>A party; <see cref="PriorityMin"/>/<see cref="PriorityMax"/> are the admin's bounds on its intents' priorities (null: the hub default).</summary>
public sealed record PartyRecord(string Id, string Name, string Kind, DateTimeOffset CreatedAt, int? PriorityMin = null, int? PriorityMax = null);
