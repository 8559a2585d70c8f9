tracebriefSearch.terms("us",{"us":"0,2,4,d,4"});
