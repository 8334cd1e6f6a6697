// SPDX-License-Identifier: GPL-3.0-or-later
#include "markssummary.h"

#include "core/printable.h"
#include "model/profile.h"

#include <QJsonArray>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace perfwb::app {

namespace {

struct Group {
    std::string category;
    std::string name;
    std::size_t count = 0;
    std::int64_t totalNs = 0;
};

// Largest total span time first, then most frequent.
std::vector<Group> groups(const model::Profile &profile, std::size_t *spans)
{
    std::map<std::pair<std::string, std::string>, Group> byKey;
    *spans = 0;
    for (const model::Mark &m : profile.marks) {
        Group &g = byKey[{m.category, m.name}];
        g.category = m.category;
        g.name = m.name;
        ++g.count;
        if (m.endNs > m.startNs) {
            g.totalNs += m.endNs - m.startNs;
            ++*spans;
        }
    }
    std::vector<Group> out;
    out.reserve(byKey.size());
    for (auto &[key, g] : byKey)
        out.push_back(std::move(g));
    std::stable_sort(out.begin(), out.end(), [](const Group &a, const Group &b) {
        return a.totalNs != b.totalNs ? a.totalNs > b.totalNs : a.count > b.count;
    });
    return out;
}

} // namespace

QJsonObject marksJson(const model::Profile &profile, int top)
{
    std::size_t spans = 0;
    QJsonArray list;
    for (const Group &g : groups(profile, &spans)) {
        if (list.size() >= top)
            break;
        list.append(QJsonObject{{QStringLiteral("category"), QString::fromStdString(g.category)},
                                {QStringLiteral("name"), QString::fromStdString(g.name)},
                                {QStringLiteral("count"), static_cast<qint64>(g.count)},
                                {QStringLiteral("total_ms"), static_cast<double>(g.totalNs) / 1e6}});
    }
    return {{QStringLiteral("count"), static_cast<qint64>(profile.marks.size())},
            {QStringLiteral("spans"), static_cast<qint64>(spans)},
            {QStringLiteral("by_name"), list}};
}

QJsonArray budgetCrossingsJson(const model::Profile &profile)
{
    QJsonArray list;
    for (const model::Mark &m : profile.marks) {
        if (m.category == model::kBudgetMarkCategory)
            list.append(QJsonObject{
                {QStringLiteral("name"), QString::fromStdString(m.name)},
                {QStringLiteral("at_s"), static_cast<double>(m.startNs - profile.firstSampleTime()) / 1e9}});
    }
    return list;
}

void printBudgetCrossings(const model::Profile &profile)
{
    const QJsonArray list = budgetCrossingsJson(profile);
    if (list.isEmpty())
        return;
    std::printf("\nbudget crossings: %lld\n", static_cast<long long>(list.size()));
    for (const auto &c : list)
        std::printf("  %8.3f s  %s\n", c[QStringLiteral("at_s")].toDouble(),
                    printable(c[QStringLiteral("name")].toString().toStdString()).c_str());
}

void printMarks(const model::Profile &profile, int top)
{
    if (profile.marks.empty())
        return;
    std::size_t spans = 0;
    const std::vector<Group> list = groups(profile, &spans);
    std::printf("\nmarks:     %zu (%zu spans)\n", profile.marks.size(), spans);
    std::printf("%8s %12s  %s\n", "count", "span ms", "category/name");
    int shown = 0;
    for (const Group &g : list) {
        if (shown++ >= top)
            break;
        std::printf("%8zu %12.3f  %s/%s\n", g.count, static_cast<double>(g.totalNs) / 1e6,
                    printable(g.category).c_str(), printable(g.name).c_str());
    }
}

} // namespace perfwb::app
