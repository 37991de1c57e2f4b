using Microsoft.AspNetCore.Http.HttpResults;

namespace MotCua.Web.Common.Errors;

public enum FailureKind
{
    /// <summary>The input is wrong; <see cref="Failure.Fields"/> says where.</summary>
    Invalid,
    Unauthorized,
    Forbidden,
    NotFound,

    /// <summary>Not possible in the current state (status, someone else acted first, …).</summary>
    Conflict,
}

/// <summary>One field's message ("unitId", "form.hoTenTre", …), for people.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// Why a use case did not do what was asked. The handler returns it; the API turns it into a problem document
/// (<see cref="ToProblem"/>), a page shows the messages beside its fields: neither converts the other's answer back.
/// </summary>
public sealed record Failure(FailureKind Kind, string Message, IReadOnlyList<FieldError> Fields)
{
    public static Failure Invalid(string message, params (string Field, string? Message)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(FailureKind.Invalid, message, fields.Where(f => f.Message is not null).Select(f => new FieldError(f.Field, f.Message!)).ToList());
    }

    public static Failure Unauthorized(string message) => new(FailureKind.Unauthorized, message, []);

    public static Failure Forbidden(string message) => new(FailureKind.Forbidden, message, []);

    public static Failure NotFound(string message) => new(FailureKind.NotFound, message, []);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message, []);

    /// <summary>What a page shows when it has one place for the message: the first field's message, else the general one.</summary>
    public string Headline => Fields.Count > 0 ? Fields[0].Message : Message;

    /// <summary>The first message for a field, or null.</summary>
    public string? For(string field) => Fields.FirstOrDefault(f => f.Field == field)?.Message;

    public ProblemHttpResult ToProblem() => Kind switch
    {
        FailureKind.Invalid => Problems.Validation(Message, Fields.Select(f => (f.Field, (string?)f.Message)).ToArray()),
        FailureKind.Unauthorized => Problems.Unauthorized(Message),
        FailureKind.Forbidden => Problems.Forbidden(Message),
        FailureKind.NotFound => Problems.NotFound(Message),
        _ => Problems.Conflict(Message),
    };
}

/// <summary>What a use case returns: its value, or the <see cref="Failure"/> that stopped it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(default, failure);
    }

#pragma warning disable CA2225 // Ok and Fail are the named alternatives.
    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Failure failure) => Fail(failure);
#pragma warning restore CA2225
}
