using System.Diagnostics.CodeAnalysis;

namespace Latchkey.Core.Common;

/// <summary>Outcome of a core operation: a value or an <see cref="AuthError"/>. Exceptions are for bugs only.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, AuthError? error)
    {
        _value = value;
        Error = error;
    }

    public AuthError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result failed with {Error.Code}.");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(AuthError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(AuthError error) => Fail(error);
}

/// <summary>The value of an operation that succeeds with nothing to return.</summary>
public readonly record struct Unit
{
    public static readonly Unit Value = default;
}
