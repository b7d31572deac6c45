namespace Deconflict.Hub.Json;

/// <summary>The outcome of reading a request body: a value, or the problem to answer with.</summary>
public readonly record struct BodyRead<T>(T? Value, HubProblem? Problem)
{
    public static BodyRead<T> Ok(T value) => new(value, null);

    public static BodyRead<T> Fail(HubProblem problem) => new(default, problem);
}
