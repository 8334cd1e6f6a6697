// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventqueue.h"

#include <chrono>

namespace perfwb::record {

EventQueue::EventQueue(std::size_t maxBytes)
    : maxBytes_(maxBytes)
{}

std::size_t EventQueue::bytesOf(const perf::RawSample &s)
{
    return sizeof(perf::RawSample) + s.userStack.size() + 8 * (s.callchain.size() + s.userRegs.size());
}

EventQueue::Item *EventQueue::acquire(Item::Kind kind)
{
    Item *item;
    if (free_.empty()) {
        storage_.push_back(std::make_unique<Item>());
        item = storage_.back().get();
    } else {
        item = free_.back();
        free_.pop_back();
    }
    item->kind = kind;
    return item;
}

void EventQueue::push(Item *item)
{
    // Wake the consumer only when it may be waiting on an empty queue.
    const bool wasEmpty = queued_.empty();
    queued_.push_back(item);
    if (wasEmpty)
        ready_.notify_one();
}

void EventQueue::onSample(const perf::RawSample &sample)
{
    std::lock_guard lock(mutex_);
    const std::size_t bytes = bytesOf(sample);
    if (queuedBytes_ + bytes > maxBytes_) {
        ++dropped_;
        if (!queued_.empty() && queued_.back()->kind == Item::Kind::Lost) {
            ++queued_.back()->lost;
        } else {
            Item *item = acquire(Item::Kind::Lost);
            item->lost = 1;
            push(item);
        }
        return;
    }
    Item *item = acquire(Item::Kind::Sample);
    perf::RawSample &s = item->sample;
    // Element-wise assignment keeps the recycled vectors' capacity.
    s.timeNs = sample.timeNs;
    s.pid = sample.pid;
    s.tid = sample.tid;
    s.cpu = sample.cpu;
    s.period = sample.period;
    s.callchain.assign(sample.callchain.begin(), sample.callchain.end());
    s.userRegsMask = sample.userRegsMask;
    s.userRegs.assign(sample.userRegs.begin(), sample.userRegs.end());
    s.userStack.assign(sample.userStack.begin(), sample.userStack.end());
    queuedBytes_ += bytes;
    push(item);
}

void EventQueue::onMmap(const perf::MmapEvent &event)
{
    std::lock_guard lock(mutex_);
    Item *item = acquire(Item::Kind::Mmap);
    item->mmap = event;
    push(item);
}

void EventQueue::onComm(const perf::CommEvent &event)
{
    std::lock_guard lock(mutex_);
    Item *item = acquire(Item::Kind::Comm);
    item->comm = event;
    push(item);
}

void EventQueue::onTask(const perf::TaskEvent &event)
{
    std::lock_guard lock(mutex_);
    Item *item = acquire(Item::Kind::Task);
    item->task = event;
    push(item);
}

void EventQueue::onLost(std::uint64_t count)
{
    std::lock_guard lock(mutex_);
    Item *item = acquire(Item::Kind::Lost);
    item->lost = count;
    push(item);
}

void EventQueue::pushProcReading(const ProcPoller::Reading &reading)
{
    std::lock_guard lock(mutex_);
    Item *item = acquire(Item::Kind::Proc);
    item->proc = reading;
    push(item);
}

void EventQueue::close()
{
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
}

bool EventQueue::take(std::vector<Item *> &out, int timeoutMs)
{
    std::unique_lock lock(mutex_);
    ready_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !queued_.empty() || closed_; });
    if (queued_.empty())
        return !closed_;
    out.insert(out.end(), queued_.begin(), queued_.end());
    queued_.clear();
    queuedBytes_ = 0;
    return true;
}

void EventQueue::recycle(std::vector<Item *> &items)
{
    std::lock_guard lock(mutex_);
    free_.insert(free_.end(), items.begin(), items.end());
    items.clear();
}

std::uint64_t EventQueue::dropped() const
{
    std::lock_guard lock(mutex_);
    return dropped_;
}

} // namespace perfwb::record
