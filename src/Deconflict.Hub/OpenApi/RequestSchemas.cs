using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.OpenApi;

namespace Deconflict.Hub.OpenApi;

/// <summary>
/// The types the hub reads request bodies into (and those they contain). The hub validates bodies itself and names
/// each missing member, so a nullable member of a body may be left out: the schema lists only the others as
/// required. Replies write every member (null included), so their schemas keep every member required.
/// </summary>
public static class RequestSchemas
{
    private static readonly ConcurrentDictionary<Type, bool> Types = new();

    public static void Add(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsGenericType && t.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
        {
            t = element;
        }
        if (t.Namespace?.StartsWith("Deconflict.", StringComparison.Ordinal) != true || !Types.TryAdd(t, true))
        {
            return;
        }
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Add(p.PropertyType);
        }
    }

    /// <summary>Schema transformer: members whose schema admits null are optional in a request body.</summary>
    public static Task OptionalNullablesAsync(OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (!Types.ContainsKey(context.JsonTypeInfo.Type) || schema.Required is null || schema.Properties is null)
        {
            return Task.CompletedTask;
        }
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.IsSetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                schema.Required.Remove(property.Name);
            }
        }
        return Task.CompletedTask;
    }
}
