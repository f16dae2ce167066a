#include "health/HealthReading.h"

namespace ops {

const HealthComponent *HealthReading::component(QStringView name) const
{
    for (const HealthComponent &candidate : components) {
        if (QStringView(candidate.name).compare(name, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

} // namespace ops
