// SPDX-License-Identifier: GPL-3.0-or-later
#include "perfevent.h"

#include <algorithm>

namespace perfwb::budgets {

QJsonObject PerfEvent::toJson() const
{
    return QJsonObject{{QStringLiteral("trigger"), trigger},
                       {QStringLiteral("payload"), payload},
                       {QStringLiteral("timestamp"), timestamp}};
}

int HookBus::subscribe(Callback callback)
{
    std::lock_guard guard(lock_);
    const int id = nextId_++;
    callbacks_.emplace_back(id, std::make_shared<Callback>(std::move(callback)));
    return id;
}

void HookBus::unsubscribe(int id)
{
    std::lock_guard guard(lock_);
    std::erase_if(callbacks_, [id](const auto &entry) { return entry.first == id; });
}

int HookBus::subscribers() const
{
    std::lock_guard guard(lock_);
    return static_cast<int>(callbacks_.size());
}

void HookBus::publish(const PerfEvent &event) const
{
    std::vector<std::shared_ptr<Callback>> targets;
    {
        std::lock_guard guard(lock_);
        for (const auto &entry : callbacks_)
            targets.push_back(entry.second);
    }
    for (const auto &callback : targets)
        (*callback)(event);
}

} // namespace perfwb::budgets
