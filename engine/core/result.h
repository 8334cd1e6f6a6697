// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Errors a user can cause (bad file, bad PID, bad value) travel as values with a
// message fit for one line on stderr or one dialog; exceptions are for bugs.
#include <string>
#include <utility>
#include <variant>

namespace perfwb {

struct Error {
    std::string message;
};

inline Error makeError(std::string message)
{
    return Error{std::move(message)};
}

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) // NOLINT(google-explicit-constructor): lets `return makeError(...)` read naturally
        : message_(std::move(error.message))
        , failed_(true)
    {}
    bool isOk() const { return !failed_; }
    explicit operator bool() const { return !failed_; }
    const std::string &message() const { return message_; }

private:
    std::string message_;
    bool failed_ = false;
};

template<class T> class [[nodiscard]] Result {
public:
    Result(T value) // NOLINT(google-explicit-constructor)
        : value_(std::move(value))
    {}
    Result(Error error) // NOLINT(google-explicit-constructor)
        : value_(std::move(error))
    {}
    bool isOk() const { return value_.index() == 0; }
    explicit operator bool() const { return isOk(); }
    T &value() { return std::get<0>(value_); }
    const T &value() const { return std::get<0>(value_); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    const std::string &message() const { return std::get<1>(value_).message; }
    Status status() const { return isOk() ? Status() : Status(std::get<1>(value_)); }

private:
    std::variant<T, Error> value_;
};

} // namespace perfwb
