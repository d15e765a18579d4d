package io.github.camelcec.component.model;

/** ref §4.1.2: the customer's place in the agent queue (times in seconds). {@code configMaxcWaitTime} is the wire's spelling. */
public class QueueInfoResponse extends CecResult {

    private Integer position;
    private Integer totalWaitTime;
    private Integer currentDeviceWaitTime;
    private Integer configMaxcWaitTime;
    private Integer longestWaitTime;
    private Integer estimateWaitTime;

    public Integer getPosition() {
        return position;
    }

    public void setPosition(Integer position) {
        this.position = position;
    }

    public Integer getTotalWaitTime() {
        return totalWaitTime;
    }

    public void setTotalWaitTime(Integer totalWaitTime) {
        this.totalWaitTime = totalWaitTime;
    }

    public Integer getCurrentDeviceWaitTime() {
        return currentDeviceWaitTime;
    }

    public void setCurrentDeviceWaitTime(Integer currentDeviceWaitTime) {
        this.currentDeviceWaitTime = currentDeviceWaitTime;
    }

    public Integer getConfigMaxcWaitTime() {
        return configMaxcWaitTime;
    }

    public void setConfigMaxcWaitTime(Integer configMaxcWaitTime) {
        this.configMaxcWaitTime = configMaxcWaitTime;
    }

    public Integer getLongestWaitTime() {
        return longestWaitTime;
    }

    public void setLongestWaitTime(Integer longestWaitTime) {
        this.longestWaitTime = longestWaitTime;
    }

    public Integer getEstimateWaitTime() {
        return estimateWaitTime;
    }

    public void setEstimateWaitTime(Integer estimateWaitTime) {
        this.estimateWaitTime = estimateWaitTime;
    }
}
